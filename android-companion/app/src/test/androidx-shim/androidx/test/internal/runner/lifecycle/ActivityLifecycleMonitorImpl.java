// A stand-in for the class of androidx.test:monitor (published only on Google's Maven repository) with the members
// Robolectric 4.13 links against; see android-companion/README.md.
package androidx.test.internal.runner.lifecycle;

import android.app.Activity;
import androidx.test.runner.lifecycle.ActivityLifecycleCallback;
import androidx.test.runner.lifecycle.ActivityLifecycleMonitor;
import androidx.test.runner.lifecycle.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

public final class ActivityLifecycleMonitorImpl implements ActivityLifecycleMonitor {
    private final Map<Activity, Stage> stages = new WeakHashMap<>();
    private final List<ActivityLifecycleCallback> callbacks = new ArrayList<>();

    public ActivityLifecycleMonitorImpl() {}

    public ActivityLifecycleMonitorImpl(boolean declawThreadCheck) {}

    @Override
    public synchronized void addLifecycleCallback(ActivityLifecycleCallback callback) {
        callbacks.add(callback);
    }

    @Override
    public synchronized void removeLifecycleCallback(ActivityLifecycleCallback callback) {
        callbacks.remove(callback);
    }

    @Override
    public synchronized Stage getLifecycleStageOf(Activity activity) {
        Stage stage = stages.get(activity);
        if (stage == null) {
            throw new IllegalArgumentException("unknown activity: " + activity);
        }
        return stage;
    }

    @Override
    public synchronized Collection<Activity> getActivitiesInStage(Stage stage) {
        List<Activity> found = new ArrayList<>();
        for (Map.Entry<Activity, Stage> entry : stages.entrySet()) {
            if (entry.getValue() == stage) {
                found.add(entry.getKey());
            }
        }
        return found;
    }

    public void signalLifecycleChange(Stage stage, Activity activity) {
        List<ActivityLifecycleCallback> toCall;
        synchronized (this) {
            stages.put(activity, stage);
            toCall = new ArrayList<>(callbacks);
        }
        for (ActivityLifecycleCallback callback : toCall) {
            callback.onActivityLifecycleChanged(activity, stage);
        }
    }
}
