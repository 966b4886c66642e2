package org.switchboard.companion;

import android.content.Context;
import android.content.pm.PackageManager;

/** The app's version as the APK declares it (the build passes it to aapt). */
final class BuildInfo {

    private BuildInfo() {}

    static String versionName(Context context) {
        try {
            String name = context.getPackageManager().getPackageInfo(context.getPackageName(), 0).versionName;
            return name == null ? "unknown" : name;
        } catch (PackageManager.NameNotFoundException e) {
            return "unknown";
        }
    }
}
