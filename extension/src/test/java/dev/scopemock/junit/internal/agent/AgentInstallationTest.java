package dev.scopemock.junit.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent injects its runtime into the bootstrap class loader class by class: the list must name every compiled
 * class of the runtime package (a missing one would fail only when first used, inside a JDK class). Reads the class
 * files without loading them: loaded here first, they would exist twice.
 */
class AgentInstallationTest {

    @Test
    void injectsEveryClassOfTheBootstrapPackage() throws IOException, URISyntaxException {
        Path classes = Path.of(AgentInstallation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path bootstrap = classes.resolve("dev/scopemock/junit/internal/agent/bootstrap");

        List<String> compiled;
        try (Stream<Path> files = Files.list(bootstrap)) {
            compiled = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .collect(Collectors.toList());
        }

        assertThat(AgentInstallation.BOOTSTRAP_CLASSES).containsExactlyInAnyOrderElementsOf(compiled);
    }
}
