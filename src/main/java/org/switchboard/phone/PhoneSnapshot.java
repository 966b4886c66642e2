package org.switchboard.phone;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.switchboard.i18n.Messages;

/**
 * The phones as one request sees them, read once: the indicator in every page's top bar and the Phones page's table.
 * A push from {@link PhonePush} makes the browser ask again, so each new request reads afresh.
 */
@Named
@RequestScoped
public class PhoneSnapshot {

    @Inject
    private PhoneOverview overview;

    private List<PhoneOverview.Row> rows;
    private PhoneOverview.Counts counts;

    public List<PhoneOverview.Row> getRows() {
        if (rows == null) {
            rows = overview.rows();
        }
        return rows;
    }

    /** Makes the rest of the request read the phones again, after it changed them. */
    void forget() {
        rows = null;
        counts = null;
    }

    /** From the rows when the page shows them anyway, else from a lighter query. */
    public PhoneOverview.Counts getCounts() {
        if (counts == null) {
            counts = rows != null ? PhoneOverview.count(rows) : overview.counts();
        }
        return counts;
    }

    public int getConnected() {
        return getCounts().connected();
    }

    public int getTotal() {
        return getCounts().total();
    }

    /** The indicator's tooltip. */
    public String getTitle() {
        PhoneOverview.Counts counts = getCounts();
        String title = Messages.text("phones.indicator", counts.connected(), counts.total());
        return counts.alerting() > 0 ? title + " " + Messages.text("phones.indicator.alert") : title;
    }

    /** {@code ok} when every phone is connected, {@code alert} when one has been offline too long, else {@code partial}. */
    public String getState() {
        PhoneOverview.Counts counts = getCounts();
        if (counts.alerting() > 0) {
            return "alert";
        }
        return counts.total() > 0 && counts.connected() == counts.total() ? "ok" : "partial";
    }
}
