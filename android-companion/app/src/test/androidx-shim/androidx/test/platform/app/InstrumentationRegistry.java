// A stand-in for the class of androidx.test:monitor (published only on Google's Maven repository) with the members
// Robolectric 4.13 links against; see android-companion/README.md.
package androidx.test.platform.app;

import android.app.Instrumentation;
import android.os.Bundle;

public final class InstrumentationRegistry {
    private static Instrumentation instrumentation;
    private static Bundle arguments = new Bundle();

    private InstrumentationRegistry() {}

    public static synchronized void registerInstance(Instrumentation instance, Bundle args) {
        instrumentation = instance;
        arguments = args == null ? new Bundle() : new Bundle(args);
    }

    public static synchronized Instrumentation getInstrumentation() {
        if (instrumentation == null) {
            throw new IllegalStateException("no instrumentation registered");
        }
        return instrumentation;
    }

    public static synchronized Bundle getArguments() {
        return new Bundle(arguments);
    }
}
