package org.kadlab.net;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one node's traffic and of everything it refused or survived; safe from any thread. */
public final class NetStats {
    final AtomicLong callsSent = new AtomicLong();
    final AtomicLong answersReceived = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong unreachable = new AtomicLong();
    final AtomicLong badAnswers = new AtomicLong();
    final AtomicLong refusedOutbound = new AtomicLong();
    final AtomicLong requestsServed = new AtomicLong();
    final AtomicLong malformedRequests = new AtomicLong();
    final AtomicLong oversizedMessages = new AtomicLong();
    final AtomicLong refusedBusy = new AtomicLong();
    final AtomicLong handlerErrors = new AtomicLong();

    /** Calls put on the wire. */
    public long callsSent() {
        return callsSent.get();
    }

    /** Answers that decoded and echoed their request's id. */
    public long answersReceived() {
        return answersReceived.get();
    }

    /** Calls whose deadline passed (or that waited for a slot past it). */
    public long timeouts() {
        return timeouts.get();
    }

    /** Calls that ended in an error status other than a deadline. */
    public long unreachable() {
        return unreachable.get();
    }

    /** Answers that were malformed, oversized, or echoed another request id. */
    public long badAnswers() {
        return badAnswers.get();
    }

    /** Calls this node did not send: too large, or no slot and no room to wait. */
    public long refusedOutbound() {
        return refusedOutbound.get();
    }

    /** Requests answered. */
    public long requestsServed() {
        return requestsServed.get();
    }

    /** Requests that did not parse or did not make a valid Kademlia request. */
    public long malformedRequests() {
        return malformedRequests.get();
    }

    /** Messages (requests received, answers received or answers to send) above the size limit. */
    public long oversizedMessages() {
        return oversizedMessages.get();
    }

    /** Requests refused because too many were already queued on the node. */
    public long refusedBusy() {
        return refusedBusy.get();
    }

    /** Requests whose handling threw: answered with an internal error, the node went on. */
    public long handlerErrors() {
        return handlerErrors.get();
    }

    @Override
    public String toString() {
        return "sent " + callsSent + ", answered " + answersReceived + ", timeouts " + timeouts + ", unreachable "
                + unreachable + ", bad answers " + badAnswers + ", refused out " + refusedOutbound + ", served "
                + requestsServed + ", malformed " + malformedRequests + ", oversized " + oversizedMessages
                + ", busy " + refusedBusy + ", handler errors " + handlerErrors;
    }
}
