package org.switchboard.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-less client of the pages: one session's cookies, sent from an address of its own on the loopback network
 * (127.0.0.0/8), so that each client is a different client address to the server. The JDK's HTTP client cannot choose
 * the address it sends from on Java 17, hence plain HTTP/1.0 over a socket.
 */
final class LoginClient {

    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern ERROR = Pattern.compile("class=\"ui-messages-error-summary\">([^<]*)<");
    private static final Pattern SET_COOKIE = Pattern.compile("(?im)^Set-Cookie:\\s*([^=;\\s]+)=([^;\\r\\n]*)");
    private static final int TIMEOUT_MILLIS = 60_000;

    private final URL base;
    private final InetAddress source;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** What the server answered: the status, where it redirects to if it does, and the page. */
    record Response(int status, String location, String body) {

        /** The error the page shows, e.g. "Wrong username or password.", if any. */
        Optional<String> error() {
            Matcher error = ERROR.matcher(body);
            return error.find() ? Optional.of(error.group(1)) : Optional.empty();
        }

        boolean redirectsTo(String page) {
            return status == 302 && location != null && location.contains(page);
        }
    }

    LoginClient(URL base, String sourceAddress) {
        this.base = base;
        try {
            this.source = InetAddress.getByName(sourceAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the login page and sends its form, as a person would. */
    Response signIn(String username, String password) {
        return post("login.xhtml", loginForm(username, password));
    }

    /** Opens the page and sends its form with these fields, the page's hidden fields added. */
    Response submit(String page, String form, Map<String, String> fields) {
        return post(page, form(page, form, fields));
    }

    /** The login form filled in, ready to {@link #post}: the page is opened first, as the form needs its hidden fields. */
    Map<String, String> loginForm(String username, String password) {
        return form(
                "login.xhtml",
                "login",
                Map.of("login:username", username, "login:password", password, "login:submit", ""));
    }

    private Map<String, String> form(String page, String form, Map<String, String> fields) {
        Response shown = get(page);
        if (shown.status() != 200) {
            throw new IllegalStateException(page + " answered " + shown.status() + " to " + shown.location());
        }
        // The form's hidden fields, and the nonce PrimeFaces' script adds to each form, which a post must send back.
        Map<String, String> body = new LinkedHashMap<>();
        Matcher nonce = CSP_NONCE.matcher(shown.body());
        if (nonce.find()) {
            body.put("primefaces.nonce", nonce.group(1));
        }
        int start = shown.body().indexOf("<form id=\"" + form + "\"");
        if (start < 0) {
            throw new IllegalStateException(page + " has no form " + form + ": " + shown.body());
        }
        String html = shown.body().substring(start, shown.body().indexOf("</form>", start));
        Matcher hidden = HIDDEN_INPUT.matcher(html);
        while (hidden.find()) {
            Matcher name = NAME.matcher(hidden.group());
            Matcher value = VALUE.matcher(hidden.group());
            if (name.find()) {
                body.put(name.group(1), value.find() ? value.group(1) : "");
            }
        }
        if (!body.containsKey("jakarta.faces.ViewState")) {
            throw new IllegalStateException(page + " has no view state in form " + form + ": " + html);
        }
        body.putAll(fields);
        return body;
    }

    Response get(String path) {
        return exchange("GET " + target(path) + " HTTP/1.0\r\n" + headers() + "\r\n");
    }

    Response post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange("POST " + target(path) + " HTTP/1.0\r\n" + headers()
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n\r\n"
                + body);
    }

    private String target(String path) {
        return base.getPath() + path;
    }

    private String headers() {
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        if (cookies.isEmpty()) {
            return host;
        }
        return host + "Cookie: "
                + cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; "))
                + "\r\n";
    }

    private Response exchange(String request) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(
                    new InetSocketAddress(InetAddress.getByName(base.getHost()), base.getPort()), TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        Matcher cookie = SET_COOKIE.matcher(head);
        while (cookie.find()) {
            cookies.put(cookie.group(1), cookie.group(2));
        }
        Matcher location = Pattern.compile("(?im)^Location:\\s*(\\S+)").matcher(head);
        return new Response(status, location.find() ? location.group(1) : null, body);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
