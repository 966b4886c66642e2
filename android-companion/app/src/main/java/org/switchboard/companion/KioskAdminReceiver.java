package org.switchboard.companion;

import android.app.admin.DeviceAdminReceiver;

/** The device-admin component `adb shell dpm set-device-owner` names, which makes lock-task kiosk mode possible. */
public final class KioskAdminReceiver extends DeviceAdminReceiver {}
