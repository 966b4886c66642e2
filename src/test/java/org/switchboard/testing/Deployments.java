package org.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive every container test deploys: the WAR the build produced, not a hand-picked set of classes. */
public final class Deployments {

    private static final Path WAR = Path.of("target", "switchboard.war");
    private static final String WEB_XML = "WEB-INF/web.xml";

    private Deployments() {}

    /**
     * The built WAR, with the paths opened that only tests use: Arquillian's own runner servlet, the fixtures servlet
     * that sets up users and phones for client-side tests, and the benchmark's sockets. Everything else keeps its production security.
     */
    public static WebArchive switchboard() {
        createTempDirectory();
        // Named ROOT so that Payara Micro serves it at "/", as in production.
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, WAR.toFile()));
        war.setWebXML(new StringAsset(withTestPathsOpen(read(war, WEB_XML))));
        war.addClasses(
                ContainerTest.class,
                Deployments.class,
                FixtureServlet.class,
                LogLines.class,
                PhoneEventLog.class,
                WebhookLog.class);
        return war;
    }

    /** The archive with settings changed, as an operator would in microprofile-config.properties. */
    public static WebArchive withSettings(WebArchive war, String... lines) {
        String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String settings = read(war, path) + "\n" + String.join("\n", lines) + "\n";
        war.delete(path);
        war.add(new StringAsset(settings), path);
        return war;
    }

    private static String withTestPathsOpen(String webXml) {
        String constraint =
                """
                    <security-constraint>
                        <web-resource-collection>
                            <web-resource-name>Test harness</web-resource-name>
                            <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                            <url-pattern>%s</url-pattern>
                            <url-pattern>/test-echo</url-pattern>
                            <url-pattern>/test-command</url-pattern>
                            <url-pattern>/test-sms-passes</url-pattern>
                        </web-resource-collection>
                    </security-constraint>
                """
                        .formatted(FixtureServlet.PATH);
        int end = webXml.indexOf("</web-app>");
        if (end < 0) {
            throw new IllegalStateException("web.xml has no closing </web-app>");
        }
        return webXml.substring(0, end) + constraint + webXml.substring(end);
    }

    private static String read(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The Payara Micro adapter copies each deployment into java.io.tmpdir, which failsafe points into target/.
    private static void createTempDirectory() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
