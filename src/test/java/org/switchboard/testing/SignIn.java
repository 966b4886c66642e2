package org.switchboard.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the login form as a browser would, for tests that talk HTTP without one. */
public final class SignIn {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private SignIn() {}

    /** The session cookie ({@code JSESSIONID=…}) of the user, signed in with {@link Fixtures#PASSWORD}. */
    public static String session(URL base, String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI login = URI.create(base.toString()).resolve("login.xhtml");
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString());
        String session = sessionCookie(page).orElseThrow(() -> new AssertionError("no session: " + page.headers()));
        String form = "login=login&login%3Ausername=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&login%3Apassword=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(login)
                        .header("Cookie", session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new AssertionError("sign-in of " + username + " answered " + signedIn.statusCode());
        }
        return sessionCookie(signedIn).orElse(session);
    }

    /** The Faces view state of a page, to post its forms. */
    public static String viewState(String html) {
        Matcher state = VIEW_STATE.matcher(html);
        if (!state.find()) {
            throw new AssertionError("no view state in " + html);
        }
        return state.group(1);
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst();
    }
}
