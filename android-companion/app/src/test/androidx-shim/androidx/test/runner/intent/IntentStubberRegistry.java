// A stand-in for the class of androidx.test:monitor (published only on Google's Maven repository) with the members
// Robolectric 4.13 links against; see android-companion/README.md.
package androidx.test.runner.intent;

public final class IntentStubberRegistry {
    private static IntentStubber instance;

    private IntentStubberRegistry() {}

    public static synchronized boolean isLoaded() {
        return instance != null;
    }

    public static synchronized IntentStubber getInstance() {
        return instance;
    }

    public static synchronized void load(IntentStubber stubber) {
        instance = stubber;
    }

    public static synchronized void reset() {
        instance = null;
    }
}
