"""A card terminal simulator speaking the Adyen local Terminal API (see ``server``)."""
