package org.switchboard.webhook;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/**
 * The admin page of webhooks: a new webhook's secret, or a new secret of a webhook, is shown once; each webhook's recent
 * deliveries on demand, kept up to date as they are tried.
 */
@Named
@ViewScoped
public class WebhooksView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int RECENT_DELIVERIES = 50;

    @Inject
    private Webhooks webhooks;

    @Inject
    private CurrentUser currentUser;

    private List<Webhook> list;
    private String newUrl;
    private boolean onReceived = true;
    private boolean onState = true;
    private String issuedSecret;
    private Webhook shown;
    private List<WebhookDelivery> deliveries;

    public List<Webhook> getList() {
        if (list == null) {
            list = webhooks.list();
        }
        return list;
    }

    public void add() {
        EnumSet<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (onReceived) {
            events.add(WebhookEvent.SMS_RECEIVED);
        }
        if (onState) {
            events.add(WebhookEvent.SMS_STATE);
        }
        try {
            issuedSecret =
                    webhooks.register(currentUser.getUsername(), newUrl, events).secret();
            newUrl = null;
            list = null;
            PrimeFaces.current().executeScript("PF('secretDialog').show()");
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public void setEnabled(Webhook webhook, boolean enabled) {
        webhooks.setEnabled(currentUser.getUsername(), webhook.getId(), enabled);
        list = null;
    }

    public void renewSecret(Webhook webhook) {
        issuedSecret = webhooks.renewSecret(currentUser.getUsername(), webhook.getId());
        PrimeFaces.current().executeScript("PF('secretDialog').show()");
    }

    public void delete(Webhook webhook) {
        webhooks.delete(currentUser.getUsername(), webhook.getId());
        Messages.info("sms.webhook.deleted", webhook.getUrl());
        if (shown != null && shown.getId().equals(webhook.getId())) {
            shown = null;
            deliveries = null;
        }
        list = null;
    }

    public void showDeliveries(Webhook webhook) {
        shown = webhook;
        deliveries = webhooks.recentDeliveries(webhook.getId(), RECENT_DELIVERIES);
    }

    /** Read again when the deliveries changed (pushed on the Faces channel webhooks). */
    public void refreshDeliveries() {
        if (shown != null) {
            deliveries = webhooks.recentDeliveries(shown.getId(), RECENT_DELIVERIES);
        }
    }

    public Webhook getShown() {
        return shown;
    }

    public List<WebhookDelivery> getDeliveries() {
        return deliveries;
    }

    public String getNewUrl() {
        return newUrl;
    }

    public void setNewUrl(String newUrl) {
        this.newUrl = newUrl;
    }

    public boolean isOnReceived() {
        return onReceived;
    }

    public void setOnReceived(boolean onReceived) {
        this.onReceived = onReceived;
    }

    public boolean isOnState() {
        return onState;
    }

    public void setOnState(boolean onState) {
        this.onState = onState;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }
}
