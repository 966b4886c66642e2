package org.switchboard.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

/**
 * The language of this session: the signed-in user's saved choice, else the browser's preference. Arabic turns the
 * whole page right to left.
 */
@Named("language")
@SessionScoped
public class LanguageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private Event<LanguageChosen> chosen;

    private Language current;

    public Language getCurrent() {
        if (current == null) {
            FacesContext context = FacesContext.getCurrentInstance();
            Locale requested = context == null
                    ? Locale.ENGLISH
                    : context.getExternalContext().getRequestLocale();
            current = Language.bestFor(requested);
        }
        return current;
    }

    public Locale getLocale() {
        return getCurrent().locale();
    }

    public String getDirection() {
        return getCurrent().getDirection();
    }

    public List<Language> getAvailable() {
        return List.of(Language.values());
    }

    /** Switches language and reloads the page, remembering the choice for a signed-in user. */
    public String switchTo(String tag) {
        Language.ofTag(tag).ifPresent(language -> {
            current = language;
            Principal caller = securityContext.getCallerPrincipal();
            if (caller != null) {
                chosen.fire(new LanguageChosen(caller.getName(), language.getTag()));
            }
        });
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }

    /** After sign-in: the user's saved language wins; a user without one keeps the language of the login page. */
    public void adoptUserPreference(String username, String savedTag) {
        Language.ofTag(savedTag)
                .ifPresentOrElse(
                        language -> current = language,
                        () -> chosen.fire(
                                new LanguageChosen(username, getCurrent().getTag())));
    }
}
