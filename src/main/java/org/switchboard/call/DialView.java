package org.switchboard.call;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.switchboard.i18n.Messages;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/** The dial pad: a number, and a phone and SIM or the server's choice. The call then shows in the live panels. */
@Named
@ViewScoped
public class DialView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CallService calls;

    @Inject
    private DeviceService devices;

    @Inject
    private CurrentUser currentUser;

    private String number;
    private Long deviceId;
    private Integer sim;

    public void place() {
        try {
            calls.place(currentUser.getUsername(), number, deviceId, sim);
            Messages.info("calls.placing");
            number = null;
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public List<Device> getPhones() {
        return devices.list().stream().filter(device -> !device.isRevoked()).toList();
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(Long deviceId) {
        this.deviceId = deviceId;
    }

    public Integer getSim() {
        return sim;
    }

    public void setSim(Integer sim) {
        this.sim = sim;
    }
}
