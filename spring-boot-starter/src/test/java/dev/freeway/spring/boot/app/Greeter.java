package dev.freeway.spring.boot.app;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.stereotype.Controller;

/** Answers a STOMP SEND to {@code /app/greet} on the topic {@code /topic/greetings}. */
@Controller
public class Greeter {

    @MessageMapping("/greet")
    @SendTo("/topic/greetings")
    public String greet(String name) {
        return "Hello, " + name;
    }
}
