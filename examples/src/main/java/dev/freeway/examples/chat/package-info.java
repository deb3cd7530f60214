/**
 * The demo's chat: {@code /chat/{room}} broadcasts every line to the members of its room.
 *
 * <p>{@link dev.freeway.examples.chat.ChatMember} holds what belongs to one connection; the
 * endpoint creates one per session today. With Freeway's CDI module it becomes a
 * {@code @WebSocketSessionScoped} bean with an injected {@code Session}, and the endpoint injects
 * it instead of creating it.
 */
package dev.freeway.examples.chat;
