from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("openorder", "0003_checkout_line_key_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="paymentrecord",
            name="host_reference",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
    ]
