package dev.scopemock.junit.agent;

import static dev.scopemock.junit.MockResponse.ok;
import static dev.scopemock.junit.RequestMatcher.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopemock.junit.MockServer;
import dev.scopemock.junit.ScopedMock;
import dev.scopemock.junit.testkit.Fixture;
import dev.scopemock.junit.testkit.TestKit;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * In a JVM that cannot attach an agent to itself, a test asking for scope propagation fails with the configuration
 * error naming the fixes; given the agent on the command line ({@code -javaagent:}), the same JVM runs it; without the
 * optional clients on the class path, the agent still installs and works. Each case runs in a child JVM, since the
 * agent, once installed, stays for the life of a JVM.
 */
class AgentUnavailableTest {

    /** Class-path entries of Apache HttpClient 5 and OkHttp with what they bring along. */
    private static final Pattern OPTIONAL_CLIENTS = Pattern.compile("httpclient5|httpcore5|okhttp|okio|kotlin");

    @Test
    void failsTheTestNamingTheFixWhenTheJvmCannotAttachAnAgent() {
        List<String> output = runInChildJvm("-XX:+DisableAttachMechanism");

        assertThat(output).containsExactly("started=1 succeeded=0 failed=1",
                "failure: org.junit.jupiter.api.extension.ExtensionConfigurationException: Scope propagation"
                + " (@MockServer(propagateScope = true) or the scopemock.propagateScope configuration parameter) for"
                + " dev.scopemock.junit.agent.AgentUnavailableTest$PropagatingTestCase needs the Scopemock agent, but"
                + " it could not be installed in this JVM: attaching an agent to this JVM failed"
                + " (java.lang.IllegalStateException: Could not self-attach to current VM using external process -"
                + " set a property net.bytebuddy.agent.attacher.dump to dump the process output to a file at the"
                + " specified location). Fix: start the test JVM with -javaagent:<path to byte-buddy-agent.jar>"
                + " (e.g. in Surefire's argLine), or let it attach to itself (-Djdk.attach.allowAttachSelf=true, a JDK"
                + " with the jdk.attach module, no -XX:+DisableAttachMechanism); or turn scope propagation off and"
                + " send mock.scopeHeader() from the system under test.");
    }

    @Test
    void usesTheAgentGivenOnTheCommandLine() {
        List<String> output = runInChildJvm("-XX:+DisableAttachMechanism", "-javaagent:" + agentJar());

        assertThat(output).containsExactly("started=1 succeeded=1 failed=0");
    }

    @Test
    void worksWithoutApacheHttpClientAndOkHttpOnTheClassPath() {
        String full = System.getProperty("java.class.path");
        String withoutClients = Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> !OPTIONAL_CLIENTS.matcher(entry).find())
                .collect(Collectors.joining(File.pathSeparator));

        List<String> output = runWithClassPath(withoutClients);

        assertThat(withoutClients).isNotEqualTo(full);
        assertThat(output).containsExactly("started=1 succeeded=1 failed=0");
    }

    private static String agentJar() {
        try {
            return Path.of(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> runInChildJvm(String... options) {
        return runWithClassPath(System.getProperty("java.class.path"), options);
    }

    /** Runs {@link PropagatingTestCase} in a child JVM with these options; returns what {@link #main} printed. */
    private static List<String> runWithClassPath(String classPath, String... options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", classPath, AgentUnavailableTest.class.getName()));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the child JVM did not finish: " + output);
            }
            assertEquals(0, process.exitValue(), output);
            return output.lines().filter(line -> line.startsWith("started=") || line.startsWith("failure: "))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The child JVM: runs the fixture and prints its counts and each failure on one line. */
    public static void main(String[] args) {
        EngineExecutionResults results = TestKit.fixtures().run(PropagatingTestCase.class);
        System.out.println("started=" + results.testEvents().started().count() + " succeeded="
                + results.testEvents().succeeded().count() + " failed=" + results.testEvents().failed().count());
        results.testEvents().failed().stream().map(event -> TestKit.failureOf(results,
                event.getTestDescriptor().getDisplayName())).forEach(failure -> System.out.println("failure: "
                + failure.toString().replace("\n", "\\n")));
    }

    @MockServer(propagateScope = true)
    @Fixture
    static class PropagatingTestCase {

        /** Names only JDK classes, so it runs without the optional clients on the class path. */
        @Test
        void callsWithoutTheScopeHeader(ScopedMock mock) throws IOException {
            mock.whenRequestedWith(get("/plain")).respondWith(ok().withBody("scoped"));

            HttpURLConnection connection = (HttpURLConnection) URI.create(mock.baseUrl() + "/plain").toURL()
                    .openConnection();
            try (InputStream body = connection.getInputStream()) {
                assertEquals("scoped", new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
