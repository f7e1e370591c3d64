package dev.scopemock.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to start a {@link MockEngine}.
 *
 * @param bindAddress the address to listen on; loopback by default
 * @param port the port, 0 for a free one
 * @param journalCapacity how many requests each scope (and the global space) keeps; older ones are evicted
 * @param maxBodyBytes the largest request body accepted
 * @param stubFiles start-up stub files or directories of {@code *.json} files, loaded as global stubs in order
 * @param https whether and how an HTTPS port is opened next to the HTTP port; {@link HttpsOptions#disabled()} by
 *              default
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EngineOptions(String bindAddress, int port, int journalCapacity, int maxBodyBytes,
                            List<Path> stubFiles, HttpsOptions https) {

    /** The default number of requests kept per scope. */
    public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;
    /** The default request body limit: 16 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    /**
     * Validates the options.
     *
     * @param bindAddress address
     * @param port port
     * @param journalCapacity journal bound
     * @param maxBodyBytes body limit
     * @param stubFiles start-up files
     * @param https HTTPS options
     */
    public EngineOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, found " + port);
        }
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journalCapacity must be at least 1, found " + journalCapacity);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative, found " + maxBodyBytes);
        }
        stubFiles = List.copyOf(stubFiles);
        Objects.requireNonNull(https, "https");
    }

    /**
     * Options without HTTPS.
     *
     * @param bindAddress address
     * @param port port
     * @param journalCapacity journal bound
     * @param maxBodyBytes body limit
     * @param stubFiles start-up files
     */
    public EngineOptions(String bindAddress, int port, int journalCapacity, int maxBodyBytes, List<Path> stubFiles) {
        this(bindAddress, port, journalCapacity, maxBodyBytes, stubFiles, HttpsOptions.disabled());
    }

    /**
     * Loopback, a free port, default bounds, no stub files, no HTTPS.
     *
     * @return the defaults
     */
    public static EngineOptions defaults() {
        return new EngineOptions("127.0.0.1", 0, DEFAULT_JOURNAL_CAPACITY, DEFAULT_MAX_BODY_BYTES, List.of(),
                HttpsOptions.disabled());
    }

    /**
     * These options with another port.
     *
     * @param newPort the port
     * @return a copy
     */
    public EngineOptions withPort(int newPort) {
        return new EngineOptions(bindAddress, newPort, journalCapacity, maxBodyBytes, stubFiles, https);
    }

    /**
     * These options with another bind address.
     *
     * @param address the address
     * @return a copy
     */
    public EngineOptions withBindAddress(String address) {
        return new EngineOptions(address, port, journalCapacity, maxBodyBytes, stubFiles, https);
    }

    /**
     * These options with another journal bound.
     *
     * @param capacity requests kept per scope
     * @return a copy
     */
    public EngineOptions withJournalCapacity(int capacity) {
        return new EngineOptions(bindAddress, port, capacity, maxBodyBytes, stubFiles, https);
    }

    /**
     * These options with start-up stub files.
     *
     * @param files files or directories
     * @return a copy
     */
    public EngineOptions withStubFiles(List<Path> files) {
        return new EngineOptions(bindAddress, port, journalCapacity, maxBodyBytes, files, https);
    }

    /**
     * These options with HTTPS settings, e.g. {@code withHttps(HttpsOptions.onFreePort())} for an HTTPS port on a free
     * port next to the HTTP one.
     *
     * @param newHttps the HTTPS options
     * @return a copy
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public EngineOptions withHttps(HttpsOptions newHttps) {
        return new EngineOptions(bindAddress, port, journalCapacity, maxBodyBytes, stubFiles, newHttps);
    }
}
