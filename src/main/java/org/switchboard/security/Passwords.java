package org.switchboard.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import org.switchboard.platform.InvalidInputException;

/** Hashing, checking and generating passwords, and the rules a chosen password must meet. */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final int GENERATED_LENGTH = 16;
    // No 0/O, 1/l/I: a generated password is read off a screen and typed by hand.
    private static final String GENERATED_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();

    @Inject
    private Pbkdf2PasswordHash hash;

    private String dummyHash;

    @PostConstruct
    void configure() {
        // OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512.
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummyHash = hash.generate(generate().toCharArray());
    }

    String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time a real check takes, so that a login for an unknown user cannot be told apart by timing. */
    void matchNothing(String password) {
        hash.verify(password.toCharArray(), dummyHash);
    }

    String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return password.toString();
    }

    static void requireAcceptable(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", "error.password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("password", "error.password.tooLong", MAX_LENGTH);
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password", "error.password.containsUsername");
        }
    }
}
