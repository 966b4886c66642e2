// A stand-in for the class of androidx.test:monitor (published only on Google's Maven repository) with the members
// Robolectric 4.13 links against; see android-companion/README.md.
package androidx.test.runner.lifecycle;

public final class ActivityLifecycleMonitorRegistry {
    private static ActivityLifecycleMonitor instance;

    private ActivityLifecycleMonitorRegistry() {}

    public static synchronized ActivityLifecycleMonitor getInstance() {
        if (instance == null) {
            throw new IllegalStateException("no ActivityLifecycleMonitor registered");
        }
        return instance;
    }

    public static synchronized void registerInstance(ActivityLifecycleMonitor monitor) {
        instance = monitor;
    }
}
