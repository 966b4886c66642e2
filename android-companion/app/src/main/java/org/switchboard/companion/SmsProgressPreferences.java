package org.switchboard.companion;

import android.content.Context;
import android.content.SharedPreferences;
import java.util.ArrayList;
import java.util.Collection;
import org.switchboard.companion.core.sms.SmsProgress;

/**
 * Where the progress of the SMS being sent is kept: preferences, written before each report returns, because the
 * radio's notices may reach a new process.
 */
final class SmsProgressPreferences implements SmsProgress.Store {

    private final SharedPreferences preferences;

    SmsProgressPreferences(Context context) {
        // the name older versions used: their lines are unreadable to SmsProgress, which drops them
        preferences = context.getSharedPreferences("sms-progress", Context.MODE_PRIVATE);
    }

    @Override
    public String load(String commandId) {
        return preferences.getString(commandId, null);
    }

    @Override
    public void save(String commandId, String line) {
        preferences.edit().putString(commandId, line).commit();
    }

    @Override
    public void remove(String commandId) {
        preferences.edit().remove(commandId).commit();
    }

    @Override
    public Collection<String> commandIds() {
        return new ArrayList<>(preferences.getAll().keySet());
    }
}
