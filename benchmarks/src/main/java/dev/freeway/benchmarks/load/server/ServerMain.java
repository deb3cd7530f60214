package dev.freeway.benchmarks.load.server;

/**
 * The entry point of a server JVM: {@code ServerMain <launcher class> <port>}. Starts the server
 * and prints {@code READY <port>} on standard output; the harness ends the process when done.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ServerMain <launcher class> <port>");
            System.exit(2);
        }
        // Chosen once at start-up by name, so this JVM loads only the launcher's own server.
        ServerLauncher launcher = (ServerLauncher) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        int port = launcher.start(Integer.parseInt(args[1]));
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
