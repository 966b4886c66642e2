// A stand-in for the class of androidx.test:monitor (published only on Google's Maven repository) with the members
// Robolectric 4.13 links against; see android-companion/README.md.
package androidx.test.runner.lifecycle;

public interface ApplicationLifecycleMonitor {}
