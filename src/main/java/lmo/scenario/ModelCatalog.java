package lmo.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The model types a scenario may name, as the binder and the assembler see them: a lookup of {@link ModelBinding}s
 * by {@code model.type}, the built-in ones and those of user jars. The registry of model families
 * ({@code lmo.family.Families}, a layer above this package) provides it as a service
 * ({@code META-INF/services/lmo.scenario.ModelCatalog}), so that this package names no family.
 */
public interface ModelCatalog {
    /** The {@code model.type} strings of the built-in families and those of {@code jars}, in documented order. */
    List<String> types(List<Path> jars) throws ScenarioException;

    /** The binding of {@code model.type} among the built-in ones and those of {@code jars}, or null. */
    ModelBinding<?> binding(String type, List<Path> jars) throws ScenarioException;

    /** The binding that bound {@code spec} (built in, or from a jar already loaded). */
    ModelBinding<?> bindingOf(ModelSpec spec);

    /** The built-in bindings, in documented order. */
    List<? extends ModelBinding<?>> builtIn();

    /** The catalog of this class path: the first {@link ModelCatalog} service. */
    static ModelCatalog get() {
        return Holder.CATALOG;
    }

    /** Loads the service once. */
    final class Holder {
        private Holder() {}

        static final ModelCatalog CATALOG = ServiceLoader.load(ModelCatalog.class, ModelCatalog.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no lmo.scenario.ModelCatalog service on the"
                        + " class path (lmo.family.Families provides it in META-INF/services)"));
    }
}
