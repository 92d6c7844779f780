package casegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.file.attribute.PosixFilePermissions;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community in this JVM with only the Bolt connector, on loopback.
 *
 * <p>The parent process owns this JVM's standard input. When that pipe closes, because the parent
 * exited, crashed or was killed, the database shuts down and the JVM exits, so a dead service can
 * never leave an orphaned database behind. SIGTERM/SIGINT shut down cleanly too.
 *
 * <p>With a password file, authentication is on: the user {@code neo4j} gets the file's first line
 * as its password at every start (the file is the one place the secret lives; it never travels
 * on the command line, which other local users can read). On a new store the password is in place
 * before the database first starts (Neo4j's initial-user file, as {@code neo4j-admin dbms
 * set-initial-password} writes it), so the default {@code neo4j/neo4j} never exists. Without a
 * password file, authentication is off.
 *
 * <p>Usage: {@code EmbeddedNeo4j <home-dir> <bolt-port|0> [page-cache-bytes] [tx-timeout-seconds]
 * [password-file]}. Prints {@code NEO4J_READY bolt://127.0.0.1:<port>} on standard output once the database accepts
 * transactions.
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EmbeddedNeo4j <home-dir> <bolt-port|0> [page-cache-bytes] [tx-timeout-seconds] [password-file]");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCache = args.length > 2 ? Long.parseLong(args[2]) : 128L * 1024 * 1024;
    long txTimeout = args.length > 3 ? Long.parseLong(args[3]) : 0L;
    String password = args.length > 4 ? readPassword(Path.of(args[4])) : null;
    if (password != null) setInitialPassword(home, password);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
            .setConfig(GraphDatabaseSettings.filewatcher_enabled, false)
            // Each database preallocates one transaction log of this size: 64 MiB rather than
            // 256 MiB keeps a small local store small (the two databases need 128 MiB, not 512).
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
            // A local service sends no usage data anywhere.
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            // Bolt's thread pools otherwise wait 5 s twice on shutdown with nothing left to do.
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
            .build();

    AtomicBoolean stopped = new AtomicBoolean(false);
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        haltIfStuck(Duration.ofSeconds(90));
        dbms.shutdown();
        System.err.println("NEO4J_STOPPED");
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      System.err.println("NEO4J_FAILED database did not become available within 2 minutes");
      System.exit(70);
    }
    if (password != null) setPassword(dbms, password);
    int boltPort =
        ((GraphDatabaseAPI) db)
            .getDependencyResolver()
            .resolveDependency(ConnectorPortRegister.class)
            .getLocalAddress(ConnectorType.BOLT)
            .getPort();
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + boltPort);
    System.out.flush();

    waitForParentToGo(System.in);
    System.exit(0);
  }

  static String readPassword(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      System.err.println("NEO4J_FAILED the password file " + file + " is empty");
      System.exit(64);
    }
    return text;
  }

  /**
   * Before a new store's first start: the built-in user's password in the initial-user file
   * (data/dbms/auth.ini), which Neo4j reads when it creates its system database, instead of the
   * default {@code neo4j} that a client could otherwise use until {@link #setPassword} runs. A
   * store that has its system database already ignores the file; {@link #setPassword} covers it.
   */
  static void setInitialPassword(Path home, String password) throws IOException {
    if (Files.exists(home.resolve("data").resolve("databases").resolve("system"))) return;
    Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
      users.start();
      SystemGraphCredential credential =
          SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
      users.create(new User("neo4j", null, credential, false, false));
      users.shutdown();
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (Exception error) {
      throw new IOException("could not write the initial password to " + file, error);
    }
  }

  /**
   * Gives the built-in user the store's password, with no change required. Runs in the
   * database's own process, which needs no login. Setting the password it already has is refused
   * by Neo4j as "the same", which is the expected case on every start after the first.
   */
  static void setPassword(DatabaseManagementService dbms, String password) {
    GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    try {
      system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException error) {
      String message = String.valueOf(error.getMessage());
      if (!message.contains("cannot be the same")) throw error;
    }
  }

  /**
   * A shutdown flushes the page cache; on a full disk that never ends, and a JVM whose parent is
   * gone would spin forever. Past the limit it halts: the transaction log has every commit, and
   * the next start recovers from it.
   */
  private static void haltIfStuck(Duration limit) {
    Thread guard =
        new Thread(
            () -> {
              try {
                Thread.sleep(limit.toMillis());
              } catch (InterruptedException ignored) {
                return;
              }
              System.err.println("NEO4J_HALTED shutdown did not finish within " + limit.toSeconds() + " s");
              Runtime.getRuntime().halt(75);
            },
            "neo4j-shutdown-guard");
    guard.setDaemon(true);
    guard.start();
  }

  /** Blocks until standard input reaches end of file, which happens when the parent goes away. */
  private static void waitForParentToGo(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone as well.
    }
  }
}
