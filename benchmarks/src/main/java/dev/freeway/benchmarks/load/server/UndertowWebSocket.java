package dev.freeway.benchmarks.load.server;

import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.websockets.extensions.PerMessageDeflateHandshake;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

import java.net.InetSocketAddress;

/**
 * Undertow 2.3's own Jakarta WebSocket (undertow-websockets-jsr) in an embedded Undertow servlet
 * deployment, as its documentation sets it up: one XNIO worker for the listener and the WebSocket
 * container (Undertow's defaults: an I/O thread per core, eight worker threads per I/O thread),
 * direct 16 KiB buffers, permessage-deflate offered (Undertow adds it only when asked, Jetty and
 * Tomcat by default), and the same endpoint classes and {@code /status} servlet as the others.
 */
public final class UndertowWebSocket implements ServerLauncher {
    private static final int BUFFER_SIZE = 16 * 1024;

    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        XnioWorker worker = Xnio.getInstance().createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                .set(Options.TCP_NODELAY, true)
                .getMap());
        WebSocketDeploymentInfo ws = new WebSocketDeploymentInfo()
                .setWorker(worker)
                .setBuffers(new DefaultByteBufferPool(true, BUFFER_SIZE))
                .addExtension(new PerMessageDeflateHandshake())
                .addEndpoint(EchoEndpoint.class)
                .addEndpoint(LargeEchoEndpoint.class)
                .addEndpoint(PartialHashEndpoint.class);
        DeploymentInfo app = Servlets.deployment()
                .setClassLoader(UndertowWebSocket.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("load")
                .addServlet(Servlets.servlet("status", StatusServlet.class).addMapping("/status"))
                .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, ws);
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(app);
        manager.deploy();
        Undertow server = Undertow.builder()
                .setWorker(worker)
                // on the accepted sockets (the worker's option does not reach them): without it the
                // 64 B echo waits on delayed ACKs
                .setSocketOption(Options.TCP_NODELAY, true)
                .addHttpListener(port, "127.0.0.1")
                .setHandler(manager.start())
                .build();
        server.start();
        int bound = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        EchoSelfCheck.require("Undertow 2.3 WebSocket", bound, log);
        return bound;
    }
}
