package dev.newsflow.publish;

import dev.newsflow.schemas.avro.Post;

/** A post event bound for one category topic. */
record CategoryPost(String topic, Post post) {
}
