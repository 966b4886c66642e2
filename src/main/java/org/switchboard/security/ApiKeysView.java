package org.switchboard.security;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;

/** The admin page of API keys: a new key is shown once, then only its prefix. */
@Named
@ViewScoped
public class ApiKeysView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private CurrentUser currentUser;

    private List<ApiKey> list;
    private String newName;
    private String issuedSecret;

    public List<ApiKey> getList() {
        if (list == null) {
            list = apiKeys.list();
        }
        return list;
    }

    public void create() {
        try {
            issuedSecret = apiKeys.create(currentUser.getUsername(), newName).secret();
            newName = null;
            list = null;
            PrimeFaces.current().executeScript("PF('keyDialog').show()");
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public void revoke(ApiKey key) {
        apiKeys.revoke(currentUser.getUsername(), key.getId());
        Messages.info("apiKeys.revoked", key.getName());
        list = null;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }
}
