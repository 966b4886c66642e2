package org.switchboard.companion;

import android.content.Context;
import android.content.SharedPreferences;
import org.switchboard.companion.core.ExitPassword;
import org.switchboard.companion.core.PairingLink;

/** What pairing stored: the link (server, token, pinned certificate) and the kiosk exit password's hash. */
final class CompanionSettings {

    private static final String FILE = "companion";
    private static final String LINK = "pairing.link";
    private static final String EXIT_PASSWORD_HASH = "kiosk.exit-password-hash";

    private final SharedPreferences preferences;

    CompanionSettings(Context context) {
        this.preferences = context.getSharedPreferences(FILE, Context.MODE_PRIVATE);
    }

    /** The pairing, or null when the phone is not paired (or what was stored no longer reads). */
    PairingLink pairing() {
        String link = preferences.getString(LINK, null);
        if (link == null) {
            return null;
        }
        try {
            return PairingLink.parse(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Checks both before storing either.
     *
     * @throws IllegalArgumentException for an invalid link or a too short password
     */
    void pair(String link, String exitPassword) {
        PairingLink.parse(link);
        String hash = ExitPassword.hash(exitPassword);
        preferences
                .edit()
                .putString(LINK, link.trim())
                .putString(EXIT_PASSWORD_HASH, hash)
                .commit();
    }

    String exitPasswordHash() {
        return preferences.getString(EXIT_PASSWORD_HASH, null);
    }

    boolean exitPasswordMatches(String password) {
        return ExitPassword.matches(password, exitPasswordHash());
    }

    void unpair() {
        preferences.edit().clear().commit();
    }
}
