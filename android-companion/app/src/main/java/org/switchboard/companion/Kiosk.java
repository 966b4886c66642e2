package org.switchboard.companion;

import android.app.Activity;
import android.app.admin.DevicePolicyManager;
import android.content.ComponentName;
import android.content.Context;

/**
 * Kiosk mode: as device owner the app locks the phone to itself (lock task), so its own dialer and messages are out of
 * reach; otherwise Android only offers screen pinning, which the person holding the phone can undo.
 */
final class Kiosk {

    enum Mode {
        LOCKED,
        PINNED
    }

    private Kiosk() {}

    static boolean isDeviceOwner(Context context) {
        DevicePolicyManager policy = context.getSystemService(DevicePolicyManager.class);
        return policy != null && policy.isDeviceOwnerApp(context.getPackageName());
    }

    static Mode enter(Activity activity) {
        if (isDeviceOwner(activity)) {
            DevicePolicyManager policy = activity.getSystemService(DevicePolicyManager.class);
            policy.setLockTaskPackages(
                    new ComponentName(activity, KioskAdminReceiver.class), new String[] {activity.getPackageName()});
            activity.startLockTask();
            return Mode.LOCKED;
        }
        activity.startLockTask();
        return Mode.PINNED;
    }

    /** @return false, staying in kiosk mode, when the password is not the exit password */
    static boolean exit(Activity activity, CompanionSettings settings, String password) {
        if (!settings.exitPasswordMatches(password)) {
            return false;
        }
        activity.stopLockTask();
        return true;
    }
}
