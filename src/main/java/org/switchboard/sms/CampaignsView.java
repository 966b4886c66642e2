package org.switchboard.sms;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.switchboard.i18n.InstantDisplay;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.DatabasePage;
import org.switchboard.security.CurrentUser;

/** Bulk sends with their progress, live; their sender or an admin pauses, resumes or cancels them. */
@Named
@ViewScoped
public class CampaignsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Campaigns campaigns;

    @Inject
    private CurrentUser currentUser;

    private final DatabasePage<Campaigns.Progress> list = new DatabasePage<>(
            () -> campaigns.count(), (first, size) -> campaigns.recent(first, size), p -> p.getBatch()
                    .getId());

    public DatabasePage<Campaigns.Progress> getList() {
        return list;
    }

    /** Why the campaign's queued messages wait, and when they should go on; empty when they do not wait. */
    public String hold(Campaigns.Progress progress) {
        Campaigns.Hold hold = progress.getHold();
        if (hold == null) {
            return "";
        }
        String key = "sms.campaigns.hold." + hold.reason();
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return switch (hold.reason()) {
            case NO_PHONE -> Messages.text(key);
            case PACE ->
                Messages.text(key, hold.partsPerMinute(), hold.minutes(), InstantDisplay.format(hold.until(), locale));
            case OUTSIDE_WINDOW, SCHEDULED -> Messages.text(key, InstantDisplay.format(hold.until(), locale));
        };
    }

    public boolean canControl(Campaigns.Progress progress) {
        return currentUser.isAdmin() || progress.getBatch().getCreatedBy().equals(currentUser.getUsername());
    }

    public void pause(Campaigns.Progress progress) {
        if (canControl(progress)
                && campaigns.pause(
                        currentUser.getUsername(), progress.getBatch().getId())) {
            Messages.info("sms.campaigns.paused");
        }
    }

    public void resume(Campaigns.Progress progress) {
        if (canControl(progress)
                && campaigns.resume(
                        currentUser.getUsername(), progress.getBatch().getId())) {
            Messages.info("sms.campaigns.resumed");
        }
    }

    public void cancel(Campaigns.Progress progress) {
        if (canControl(progress)) {
            Messages.info(
                    "sms.campaigns.cancelled",
                    campaigns.cancel(
                            currentUser.getUsername(), progress.getBatch().getId()));
        }
    }
}
