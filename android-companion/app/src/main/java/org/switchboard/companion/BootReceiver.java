package org.switchboard.companion;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

/** Starts the gateway again after a reboot or an update of the app. */
public final class BootReceiver extends BroadcastReceiver {

    @Override
    public void onReceive(Context context, Intent intent) {
        String action = intent.getAction();
        if (Intent.ACTION_BOOT_COMPLETED.equals(action) || Intent.ACTION_MY_PACKAGE_REPLACED.equals(action)) {
            CompanionService.start(context);
        }
    }
}
