package dev.freeway.spring.boot.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A Spring {@code WebSocketHandler} at {@code /handler}, with Spring's default handshake handler. */
@Configuration
@EnableWebSocket
public class HandlerConfig implements WebSocketConfigurer {

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new HandlerEcho(), "/handler");
    }

    /** Echoes text with a prefix that tells which endpoint answered. */
    static final class HandlerEcho extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(new TextMessage("handler:" + message.getPayload()));
        }
    }
}
