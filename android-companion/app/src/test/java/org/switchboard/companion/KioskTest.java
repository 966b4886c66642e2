package org.switchboard.companion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import android.content.Context;
import android.content.SharedPreferences;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowToast;

/** Pairing stores the exit password only as a hash; leaving kiosk mode takes that password. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34)
public class KioskTest {

    private static final String LINK = "switchboard://pair?server=wss%3A%2F%2F10.0.0.5%3A8181%2Fws%2Fphone"
            + "&token=sbp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
            + "&sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final Context context = RuntimeEnvironment.getApplication();

    @Test
    public void onlyTheExitPasswordLeavesKioskModeAndItIsNotStoredInClear() {
        MainActivity activity =
                Robolectric.buildActivity(MainActivity.class).setup().get();
        activity.pair(LINK, "secretariat-2026");
        CompanionSettings settings = new CompanionSettings(context);

        assertEquals("10.0.0.5", settings.pairing().server().getHost());
        SharedPreferences stored = context.getSharedPreferences("companion", Context.MODE_PRIVATE);
        assertFalse(stored.getAll().toString().contains("secretariat-2026"));
        assertTrue(settings.exitPasswordHash().startsWith("pbkdf2-sha1$"));

        assertEquals(Kiosk.Mode.PINNED, Kiosk.enter(activity));
        assertFalse(Kiosk.exit(activity, settings, "secretariat-2025"));
        assertFalse(Kiosk.exit(activity, settings, ""));
        assertTrue(Kiosk.exit(activity, settings, "secretariat-2026"));
    }

    @Test
    public void anInvalidLinkOrAShortPasswordPairsNothingAndSaysWhy() {
        MainActivity activity =
                Robolectric.buildActivity(MainActivity.class).setup().get();

        activity.pair("https://example.org/", "secretariat-2026");
        assertEquals(context.getString(R.string.pairing_invalid), ShadowToast.getTextOfLatestToast());
        activity.pair(LINK, "12345");
        assertEquals(context.getString(R.string.exit_password_too_short), ShadowToast.getTextOfLatestToast());

        assertNull(new CompanionSettings(context).pairing());
        assertNull(new CompanionSettings(context).exitPasswordHash());
    }
}
