"""Demo pictures, drawn with Pillow so that nothing is downloaded."""

import colorsys
import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model


def _colour_for(key):
    hue = int(hashlib.sha256(key.encode()).hexdigest()[:4], 16) / 0xFFFF
    red, green, blue = colorsys.hls_to_rgb(hue, 0.32, 0.55)
    return int(red * 255), int(green * 255), int(blue * 255)


def demo_image(key, title, description, size=(800, 600)):
    """A picture with the title's initials on a colour of its own, created once per key."""
    Image = get_image_model()
    file_name = f"demo-{key}.png"
    existing = Image.objects.filter(file__endswith=file_name).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", size, _colour_for(key))
    draw = ImageDraw.Draw(canvas)
    initials = "".join(word[0] for word in title.split() if word[:1].isalpha())[:3].upper()
    font = ImageFont.load_default(size=size[1] // 3)
    draw.text((size[0] / 2, size[1] / 2), initials, fill="white", font=font, anchor="mm")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(title=title, description=description, file=ImageFile(buffer, name=file_name))
