package org.switchboard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test run against the real WAR on a real Payara Micro. Failsafe runs these after packaging; Surefire leaves them
 * out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ContainerTest.TAG)
@ExtendWith(ArquillianExtension.class)
public @interface ContainerTest {
    String TAG = "container";
}
