"""nexo-based Adyen Terminal API (local): sans-IO messages, message protection, driver."""
