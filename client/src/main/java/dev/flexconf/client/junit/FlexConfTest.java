package dev.flexconf.client.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against its own FlexConf emulator: started in-process before the class on
 * 127.0.0.1 and an ephemeral port, with a private in-memory database, stopped after it. Test methods
 * and constructors may take a {@link FlexConfRuntimeInfo}, a ready
 * {@link dev.flexconf.client.FlexConfClient}, its {@link dev.flexconf.client.FlexConfApi}, or the
 * {@link dev.flexconf.server.FlexConfServer} itself. Classes running in parallel share nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlexConfExtension.class)
public @interface FlexConfTest {
    /** Whether every test starts from an empty emulator (resources, journal and faults); default true. */
    boolean resetBetweenTests() default true;
}
