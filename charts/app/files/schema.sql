-- The seed's blog schema (its database image ran this from /docker-entrypoint-initdb.d).
-- Postgres runs it once, when the data volume is empty; later installs keep the data.
CREATE TABLE IF NOT EXISTS users (
    id       SERIAL PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    oauth_id VARCHAR(200) UNIQUE NOT NULL
);

CREATE TABLE IF NOT EXISTS posts (
    id         SERIAL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    title      VARCHAR(200) NOT NULL,
    content    TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id)
);

CREATE TABLE IF NOT EXISTS comments (
    id         SERIAL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    content    TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE
);
