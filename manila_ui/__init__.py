"""manila-ui: the Horizon plugin for OpenStack Manila, with a bundled Manila backend."""
