package org.switchboard.companion;

import android.app.Application;
import android.content.Context;
import java.time.Clock;
import org.switchboard.companion.core.calls.OutgoingCallCommands;
import org.switchboard.companion.core.sms.SmsProgress;

/**
 * The process, which owns what must outlive any one component: the calls the in-call service tracks (Android may
 * unbind it and bind a new instance while calls go on) and the progress of the SMS being sent.
 */
public final class CompanionApplication extends Application {

    private final OngoingCalls calls = new OngoingCalls(new OutgoingCallCommands(Clock.systemUTC()));
    private SmsProgress smsProgress;

    static CompanionApplication of(Context context) {
        return (CompanionApplication) context.getApplicationContext();
    }

    OngoingCalls calls() {
        return calls;
    }

    synchronized SmsProgress smsProgress() {
        if (smsProgress == null) {
            smsProgress = new SmsProgress(new SmsProgressPreferences(this), Clock.systemUTC());
        }
        return smsProgress;
    }
}
