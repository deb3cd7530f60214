package dev.freeway.cdi;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code @Inject Session} gives: a stand-in that passes every call to the session whose
 * callback the calling thread is running, like a client proxy, so it can be injected into beans of
 * any scope and into endpoints created before their session exists. Outside a callback every call
 * throws a {@link ContextNotActiveException} that says so.
 */
final class CurrentSession implements Session {
    static final String NO_SESSION = "no WebSocket session is active on this thread: "
            + "@Inject Session works inside endpoint callbacks and beans they call";

    private final WebSocketContext context;

    CurrentSession(WebSocketContext context) {
        this.context = context;
    }

    private Session session() {
        Session s = context.currentSession();
        if (s == null) {
            throw new ContextNotActiveException(NO_SESSION);
        }
        return s;
    }

    @Override
    public WebSocketContainer getContainer() {
        return session().getContainer();
    }

    @Override
    public void addMessageHandler(MessageHandler handler) {
        session().addMessageHandler(handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Whole<T> handler) {
        session().addMessageHandler(type, handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Partial<T> handler) {
        session().addMessageHandler(type, handler);
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        return session().getMessageHandlers();
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        session().removeMessageHandler(handler);
    }

    @Override
    public String getProtocolVersion() {
        return session().getProtocolVersion();
    }

    @Override
    public String getNegotiatedSubprotocol() {
        return session().getNegotiatedSubprotocol();
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        return session().getNegotiatedExtensions();
    }

    @Override
    public boolean isSecure() {
        return session().isSecure();
    }

    @Override
    public boolean isOpen() {
        return session().isOpen();
    }

    @Override
    public long getMaxIdleTimeout() {
        return session().getMaxIdleTimeout();
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        session().setMaxIdleTimeout(milliseconds);
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        session().setMaxBinaryMessageBufferSize(length);
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        return session().getMaxBinaryMessageBufferSize();
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        session().setMaxTextMessageBufferSize(length);
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        return session().getMaxTextMessageBufferSize();
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        return session().getAsyncRemote();
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        return session().getBasicRemote();
    }

    @Override
    public String getId() {
        return session().getId();
    }

    @Override
    public void close() throws IOException {
        session().close();
    }

    @Override
    public void close(CloseReason closeReason) throws IOException {
        session().close(closeReason);
    }

    @Override
    public URI getRequestURI() {
        return session().getRequestURI();
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        return session().getRequestParameterMap();
    }

    @Override
    public String getQueryString() {
        return session().getQueryString();
    }

    @Override
    public Map<String, String> getPathParameters() {
        return session().getPathParameters();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return session().getUserProperties();
    }

    @Override
    public Principal getUserPrincipal() {
        return session().getUserPrincipal();
    }

    @Override
    public Set<Session> getOpenSessions() {
        return session().getOpenSessions();
    }

    /** Names the current session, or says there is none; never throws (debuggers and logs call it). */
    @Override
    public String toString() {
        Session s = context.currentSession();
        return "current WebSocket session (" + (s == null ? "none on this thread" : s.getId()) + ")";
    }
}
