package org.switchboard.platform;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.switchboard.i18n.Language;
import org.switchboard.i18n.Messages;

/**
 * Caps every REST request body at {@link #MAX_BYTES}: a declared length above it is answered 413 before anything is
 * read, and a body without a length (chunked) is cut off as it is read, so that no client can make the server hold
 * more than that in memory. The REST API takes no file uploads; contact imports go through the pages.
 */
@WebFilter(filterName = "RequestBodyLimit", urlPatterns = RestApplication.PATH + "/*")
public class RequestBodyLimit extends HttpFilter {

    public static final int MAX_BYTES = 1024 * 1024;
    static final String EXCEEDED = RequestBodyLimit.class.getName() + ".exceeded";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            // The body is left unread: closing the connection spares reading it only to throw it away.
            response.setHeader("Connection", "close");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("message", message())
                            .build()
                            .toString());
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    /** Whether this request's body was cut off, for the REST error mapper to answer 413 whatever the reader threw. */
    static boolean exceeded(HttpServletRequest request) {
        return request.getAttribute(EXCEEDED) != null;
    }

    static String message() {
        return Messages.text(Language.DEFAULT.locale(), "error.api.bodyTooLarge");
    }

    /** Raised by the capped stream; an {@link IOException} so that readers handle it as a broken body. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream capped;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream((HttpServletRequest) getRequest(), super.getInputStream());
            }
            return capped;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final HttpServletRequest request;
        private final ServletInputStream in;
        private long count;

        CappedStream(HttpServletRequest request, ServletInputStream in) {
            this.request = request;
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int read) throws TooLarge {
            count += read;
            if (count > MAX_BYTES) {
                request.setAttribute(EXCEEDED, Boolean.TRUE);
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
