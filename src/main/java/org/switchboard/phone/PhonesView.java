package org.switchboard.phone;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.PrimeFaces;
import org.switchboard.i18n.InstantDisplay;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/** The admins' Phones page: pairing, the live list, renaming and revoking. */
@Named
@ViewScoped
public class PhonesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneSnapshot snapshot;

    @Inject
    private PhoneSettings settings;

    @Inject
    private PairingCodes pairingCodes;

    @Inject
    private CurrentUser currentUser;

    private String newName;
    private String pairedName;
    private PairingCode pairing;
    private Long renamedId;
    private String renameTo;
    private Integer smsPace;

    public List<PhoneOverview.Row> getRows() {
        return snapshot.getRows();
    }

    /** Which phones have been offline too long, for the warning above the table; null if none. */
    public String getAlert() {
        List<String> names = getRows().stream()
                .filter(PhoneOverview.Row::isAlert)
                .map(row -> row.getDevice().getName())
                .toList();
        return names.isEmpty()
                ? null
                : Messages.text(
                        "phones.alert",
                        String.join(", ", names),
                        settings.offlineAlert().toMinutes());
    }

    public boolean isAnyUnencrypted() {
        return getRows().stream().anyMatch(row -> row.isConnected() && !row.isSecure());
    }

    /** Whether this page itself came over plain HTTP, so that the pairing codes it issues point at ws://. */
    public boolean isPageUnencrypted() {
        return settings.publicUrl().map(url -> url.startsWith("http:")).orElseGet(() -> !request()
                .isSecure());
    }

    public String since(Instant instant) {
        return InstantDisplay.format(
                instant, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public void pair() {
        try {
            DeviceService.Pairing paired = devices.pair(currentUser.getUsername(), newName);
            pairedName = paired.device().getName();
            pairing = pairingCode(paired.token());
            newName = null;
            snapshot.forget();
            PrimeFaces.current().executeScript("PF('pairingDialog').show()");
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public void startRename(Device device) {
        renamedId = device.getId();
        renameTo = device.getName();
        smsPace = device.getSmsPartsPerMinute();
    }

    public void rename() {
        try {
            devices.rename(currentUser.getUsername(), renamedId, renameTo);
            devices.setSmsPace(currentUser.getUsername(), renamedId, smsPace);
            Messages.info("phones.renamed", renameTo.strip());
            snapshot.forget();
            PrimeFaces.current().executeScript("PF('renameDialog').hide()");
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public void revoke(Device device) {
        devices.revoke(currentUser.getUsername(), device.getId());
        Messages.info("phones.revokedMessage", device.getName());
        snapshot.forget();
    }

    private PairingCode pairingCode(String token) {
        return pairingCodes.issue(
                token,
                requestOrigin(),
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
    }

    private URI requestOrigin() {
        HttpServletRequest request = request();
        return URI.create(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    private static HttpServletRequest request() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        return (HttpServletRequest) context.getRequest();
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getPairedName() {
        return pairedName;
    }

    public PairingCode getPairing() {
        return pairing;
    }

    /** The pace a phone without its own has, shown where its own would be typed. */
    public int getDefaultSmsPace() {
        // Read when asked: a view bean may be passivated, and the configuration's producer may not.
        return ConfigProvider.getConfig().getValue("switchboard.sms.parts-per-minute", Integer.class);
    }

    public Integer getSmsPace() {
        return smsPace;
    }

    public void setSmsPace(Integer smsPace) {
        this.smsPace = smsPace;
    }

    public String getRenameTo() {
        return renameTo;
    }

    public void setRenameTo(String renameTo) {
        this.renameTo = renameTo;
    }
}
