package org.switchboard.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.switchboard.call.CallFilter;
import org.switchboard.call.CallService;
import org.switchboard.i18n.SchoolTime;
import org.switchboard.phone.PhoneOverview;
import org.switchboard.sms.HistoryFilter;
import org.switchboard.sms.MessageState;
import org.switchboard.sms.SmsOutbox;

/**
 * Today's figures on the dashboard's cards: counts only, no numbers or names, so every signed-in user may read them.
 * Each is read once a request.
 */
@Named("dashboard")
@RequestScoped
public class DashboardView {

    @Inject
    private SmsOutbox outbox;

    @Inject
    private CallService calls;

    @Inject
    private PhoneOverview phones;

    @Inject
    private Clock clock;

    private Long smsToday;
    private Long smsWaiting;
    private Long smsFailedToday;
    private Long callsToday;
    private PhoneOverview.Counts phoneCounts;

    /** Messages created since midnight in the school's time zone, whatever became of them. */
    public long getSmsToday() {
        if (smsToday == null) {
            smsToday = outbox.count(new HistoryFilter(null, startOfToday(), null, null, null, null, null, null, null));
        }
        return smsToday;
    }

    /** Messages not yet on a phone: queued, or handed over and not acknowledged. */
    public long getSmsWaiting() {
        if (smsWaiting == null) {
            smsWaiting = outbox.count(HistoryFilter.of(MessageState.QUEUED))
                    + outbox.count(HistoryFilter.of(MessageState.DISPATCHED));
        }
        return smsWaiting;
    }

    public long getSmsFailedToday() {
        if (smsFailedToday == null) {
            smsFailedToday = outbox.count(
                    new HistoryFilter(MessageState.FAILED, startOfToday(), null, null, null, null, null, null, null));
        }
        return smsFailedToday;
    }

    public long getCallsToday() {
        if (callsToday == null) {
            callsToday = calls.count(new CallFilter(null, null, null, null, startOfToday(), null));
        }
        return callsToday;
    }

    public PhoneOverview.Counts getPhones() {
        if (phoneCounts == null) {
            phoneCounts = phones.counts();
        }
        return phoneCounts;
    }

    private Instant startOfToday() {
        ZoneId zone = SchoolTime.zone();
        return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
    }
}
