package dev.freeway.examples;

import dev.freeway.examples.launcher.DemoServer;
import dev.freeway.examples.launcher.DemoWar;
import dev.freeway.examples.launcher.LauncherOptions;
import dev.freeway.examples.launcher.StartupMessage;
import dev.freeway.examples.launcher.TempFiles;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar freeway-demo.jar [--container jetty|tomcat] [--port 8080]}: serves the demo
 * WAR on embedded Jetty 12.1 or Tomcat 11 until the process is stopped, and prints its URLs.
 */
public final class Demo {
    private static final System.Logger LOG = System.getLogger(Demo.class.getName());

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            PrintStream out = help ? System.out : System.err;
            if (!help) {
                out.println(e.getMessage());
            }
            out.println(LauncherOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        Path work = Files.createTempDirectory("freeway-demo");
        Path war = options.war().isPresent() ? options.war().get() : DemoWar.extractTo(work);
        DemoServer server;
        try {
            server = DemoServer.start(options, war);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "the demo server did not start", e);
            TempFiles.deleteTree(work);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping the demo server failed", e);
            } finally {
                TempFiles.deleteTree(work);
                stopped.countDown();
            }
        }, "freeway-demo-stop"));
        System.out.print(StartupMessage.of(options, server));
        System.out.flush();
        // Tomcat's threads are daemons: the main thread keeps the JVM up until it is stopped.
        stopped.await();
    }
}
