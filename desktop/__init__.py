"""The Qt desktop GUI of Assistenzbüro."""
