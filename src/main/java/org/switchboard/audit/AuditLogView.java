package org.switchboard.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.switchboard.audit.AuditEvent.Outcome;
import org.switchboard.i18n.Messages;
import org.switchboard.i18n.SchoolTime;
import org.switchboard.platform.DatabasePage;

/** The admin page of the audit trail: paged in the database, narrowed by the filter form above the table. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Followed by an action's code, the key of its label in the message bundle. */
    static final String LABEL_PREFIX = "audit.action.";

    @Inject
    private AuditTrail trail;

    private String actor;
    private String action;
    private String target;
    private Outcome outcome;
    private List<LocalDate> dateRange;

    private final DatabasePage<AuditEntry> entries = new DatabasePage<>(
            () -> trail.count(filter()), (first, size) -> trail.find(filter(), first, size), AuditEntry::getId);

    AuditFilter filter() {
        ZoneId zone = SchoolTime.zone();
        LocalDate fromDay = dateRange == null || dateRange.isEmpty() ? null : dateRange.get(0);
        LocalDate toDay = dateRange == null || dateRange.size() < 2 ? fromDay : dateRange.get(1);
        return new AuditFilter(
                actor,
                action,
                target,
                outcome,
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public void clear() {
        actor = null;
        action = null;
        target = null;
        outcome = null;
        dateRange = null;
    }

    public DatabasePage<AuditEntry> getEntries() {
        return entries;
    }

    public List<String> getActions() {
        return trail.actions();
    }

    /** The action in the user's language; a code no label names (an older version's) is shown as it is stored. */
    public String label(String action) {
        String key = LABEL_PREFIX + action;
        String label = Messages.text(key);
        return label.equals("???" + key + "???") ? action : label;
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public List<LocalDate> getDateRange() {
        return dateRange;
    }

    public void setDateRange(List<LocalDate> dateRange) {
        this.dateRange = dateRange;
    }
}
