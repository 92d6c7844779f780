package casegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in this JVM with only the Bolt connector, on loopback.
 *
 * <p>The parent process owns this JVM's standard input. When that pipe closes, because the parent
 * exited, crashed or was killed, the database shuts down and the JVM exits, so a dead service can
 * never leave an orphaned database behind. SIGTERM/SIGINT shut down cleanly too.
 *
 * <p>Usage: {@code EmbeddedNeo4j <home-dir> <bolt-port|0> [page-cache-bytes] [tx-timeout-seconds]}.
 * Prints {@code NEO4J_READY bolt://127.0.0.1:<port>} on standard output once the database accepts
 * transactions.
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EmbeddedNeo4j <home-dir> <bolt-port|0> [page-cache-bytes] [tx-timeout-seconds]");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCache = args.length > 2 ? Long.parseLong(args[2]) : 128L * 1024 * 1024;
    long txTimeout = args.length > 3 ? Long.parseLong(args[3]) : 0L;

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
            .setConfig(GraphDatabaseSettings.filewatcher_enabled, false)
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
