package dev.ssprkit.testkit.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets a fuzz property's tries from the system property {@value #PROPERTY} when it is given, so that CI runs the
 * small count written on the property and the nightly profile ({@code mvn -Pnightly}) runs 100,000 or more without
 * touching the code. Use with {@code @AddLifecycleHook(FuzzTries.class)}.
 */
public final class FuzzTries implements AroundPropertyHook {
    public static final String PROPERTY = "ssprkit.fuzz.tries";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(PROPERTY);
        if (tries != null && !tries.isBlank()) context.attributes().setTries(Integer.parseInt(tries.strip()));
        return property.execute();
    }
}
