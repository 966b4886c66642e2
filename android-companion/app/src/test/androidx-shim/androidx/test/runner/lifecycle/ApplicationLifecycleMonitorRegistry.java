// A stand-in for the class of androidx.test:monitor (published only on Google's Maven repository) with the members
// Robolectric 4.13 links against; see android-companion/README.md.
package androidx.test.runner.lifecycle;

public final class ApplicationLifecycleMonitorRegistry {
    private static ApplicationLifecycleMonitor instance;

    private ApplicationLifecycleMonitorRegistry() {}

    public static synchronized ApplicationLifecycleMonitor getInstance() {
        return instance;
    }

    public static synchronized void registerInstance(ApplicationLifecycleMonitor monitor) {
        instance = monitor;
    }
}
