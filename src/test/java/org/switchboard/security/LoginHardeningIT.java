package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/**
 * The login form under attack, through real HTTP clients: guessing, enumerating names, flooding, racing. Each client
 * sends from an address of its own, so that the tests do not share the server's per-address counts.
 */
@ContainerTest
class LoginHardeningIT {

    private static final int ACCOUNT_FREE_TRIES = 10;
    private static final int ADDRESS_FREE_TRIES = 15;
    private static final String WRONG = "Wrong username or password.";
    private static final String HELD = "Too many wrong passwords.";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A hold longer than any test, so that no answer depends on how fast the machine is.
        return Deployments.withSettings(
                Deployments.switchboard(),
                "switchboard.login.max-failures=" + ACCOUNT_FREE_TRIES,
                "switchboard.login.address-max-failures=" + ADDRESS_FREE_TRIES,
                "switchboard.login.first-delay=PT10M",
                "switchboard.login.max-delay=PT10M");
    }

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;

    private Fixtures fixtures() {
        if (fixtures == null) {
            fixtures = new Fixtures(base);
        }
        return fixtures;
    }

    @Test
    @DisplayName("a real account held back after wrong passwords answers exactly like a name that does not exist")
    void anUnknownNameAndAHeldBackAccountGetTheSameAnswers() {
        String real = fixtures().user("known", "STAFF", false);
        String unknown = Fixtures.uniqueName("nobody");

        List<String> realAnswers = answers(real, newClient());
        List<String> unknownAnswers = answers(unknown, newClient());

        assertEquals(unknownAnswers, realAnswers);
        assertEquals(describe(200, WRONG), realAnswers.get(0));
        assertTrue(realAnswers.get(realAnswers.size() - 1).startsWith(describe(200, HELD)), realAnswers::toString);
    }

    private List<String> answers(String username, LoginClient client) {
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= ACCOUNT_FREE_TRIES + 2; attempt++) {
            answers.add(describe(client.signIn(username, "wrong-" + attempt)));
        }
        answers.add(describe(client.signIn(username, Fixtures.PASSWORD)));
        return answers;
    }

    @Test
    @DisplayName("ten wrong passwords at once are each counted, and none answers 500")
    void parallelWrongPasswordsAreEachCountedOnce() throws Exception {
        String user = fixtures().user("parallel", "STAFF", false);

        List<LoginClient.Response> responses = inParallel(ACCOUNT_FREE_TRIES, i -> "wrong-" + i, user);

        for (LoginClient.Response response : responses) {
            assertEquals(200, response.status(), response.body());
            String error = response.error().orElse("no message");
            // The tenth wrong password starts a hold, which the answers rendered after it already tell.
            assertTrue(error.equals(WRONG) || error.startsWith(HELD), error);
        }
        assertEquals(ACCOUNT_FREE_TRIES, fixtures().failedLogins(user));
    }

    @Test
    @DisplayName("the right password racing ten wrong ones signs in or is held back, never a 500")
    void aRightPasswordRacingWrongOnesNeverFails() throws Exception {
        String user = fixtures().user("racer", "STAFF", false);

        List<LoginClient.Response> responses =
                inParallel(ACCOUNT_FREE_TRIES + 1, i -> i == 0 ? Fixtures.PASSWORD : "wrong-" + i, user);

        LoginClient.Response right = responses.get(0);
        assertTrue(
                right.redirectsTo("index.xhtml")
                        || right.status() == 200 && right.error().orElse("").startsWith(HELD),
                describe(right));
        for (LoginClient.Response wrong : responses.subList(1, responses.size())) {
            assertEquals(200, wrong.status(), wrong.body());
            assertTrue(wrong.error().isPresent(), wrong.body());
        }
    }

    @Test
    @DisplayName("an address that tried too many wrong passwords is held back without a check, other addresses are not")
    void anAddressIsHeldBackAfterTooManyWrongPasswords() {
        String user = fixtures().user("sprayed", "STAFF", false);
        LoginClient sprayer = newClient();
        for (int attempt = 1; attempt < ADDRESS_FREE_TRIES; attempt++) {
            LoginClient.Response response = sprayer.signIn(Fixtures.uniqueName("guess"), "wrong-" + attempt);
            assertEquals(WRONG, response.error().orElse(describe(response)), "attempt " + attempt);
        }
        LoginClient.Response last = sprayer.signIn(Fixtures.uniqueName("guess"), "wrong-last");
        assertTrue(last.error().orElse("").startsWith(HELD), "the last free try starts the hold: " + describe(last));

        LoginClient.Response held = sprayer.signIn(user, "wrong-again");

        assertTrue(held.error().orElse("").startsWith(HELD), describe(held));
        assertEquals(0, fixtures().failedLogins(user), "a try held back is not checked, so not counted");
        assertTrue(newClient().signIn(user, Fixtures.PASSWORD).redirectsTo("index.xhtml"));
    }

    @Test
    @DisplayName("an account held back by someone else's guesses opens at once when an admin unlocks it")
    void anAdminUnlockLetsTheRightfulUserIn() {
        String user = fixtures().user("victim", "STAFF", false);
        LoginClient attacker = newClient();
        for (int attempt = 1; attempt <= ACCOUNT_FREE_TRIES; attempt++) {
            attacker.signIn(user, "wrong-" + attempt);
        }
        LoginClient owner = newClient();
        assertTrue(owner.signIn(user, Fixtures.PASSWORD).error().orElse("").startsWith(HELD));

        fixtures().unlock(user);

        assertTrue(owner.signIn(user, Fixtures.PASSWORD).redirectsTo("index.xhtml"));
        assertEquals(0, fixtures().failedLogins(user));
    }

    @Test
    @DisplayName("changing the password signs the user out of their other sessions, and the login page says why")
    void aPasswordChangeEndsTheOtherSessions() {
        String user = fixtures().user("changer", "STAFF", false);
        LoginClient here = newClient();
        LoginClient elsewhere = newClient();
        assertTrue(here.signIn(user, Fixtures.PASSWORD).redirectsTo("index.xhtml"));
        assertTrue(elsewhere.signIn(user, Fixtures.PASSWORD).redirectsTo("index.xhtml"));
        assertEquals(200, elsewhere.get("index.xhtml").status());

        LoginClient.Response changed = here.submit(
                "account/password.xhtml",
                "password",
                Map.of(
                        "password:current", Fixtures.PASSWORD,
                        "password:new", "a-new-secret-phrase",
                        "password:confirm", "a-new-secret-phrase",
                        "password:save", ""));

        assertTrue(changed.redirectsTo("index.xhtml"), () -> describe(changed) + changed.body());
        assertEquals(200, here.get("index.xhtml").status(), "the session that changed it goes on");
        LoginClient.Response signedOut = elsewhere.get("index.xhtml");
        assertTrue(signedOut.redirectsTo("login.xhtml?passwordChanged=true"), describe(signedOut));
        assertTrue(elsewhere
                .get("login.xhtml?passwordChanged=true")
                .body()
                .contains("Your password was changed in another session."));
        assertTrue(elsewhere.get("index.xhtml").redirectsTo("login.xhtml"));
    }

    /** Sends {@code count} sign-ins of one user at once, each from its own client, the i-th with password(i). */
    private List<LoginClient.Response> inParallel(int count, Function<Integer, String> password, String user)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<LoginClient.Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                LoginClient client = newClient();
                sent.add(CompletableFuture.supplyAsync(
                        () -> {
                            Map<String, String> form = client.loginForm(user, password.apply(index));
                            ready.countDown();
                            await(go);
                            return client.post("login.xhtml", form);
                        },
                        pool));
            }
            assertTrue(ready.await(2, TimeUnit.MINUTES), "every client opened the login page");
            go.countDown();
            List<LoginClient.Response> responses = new ArrayList<>();
            for (CompletableFuture<LoginClient.Response> response : sent) {
                responses.add(response.get(2, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the start signal never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private LoginClient newClient() {
        int n = ADDRESSES.incrementAndGet();
        return new LoginClient(base, "127.1." + (n / 250) + "." + (n % 250 + 1));
    }

    private static String describe(LoginClient.Response response) {
        return response.status() + " " + response.location() + " "
                + response.error().orElse("no message");
    }

    private static String describe(int status, String error) {
        return status + " null " + error;
    }
}
