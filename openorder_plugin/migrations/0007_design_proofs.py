"""Design approval (ACC desain): the stage a product type's buyers approve
a proof at, and every round of proofs and answers."""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import openorder_plugin.fields
import uuid


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('openorder', '0006_payment_proofs'),
    ]

    operations = [
        migrations.AddField(
            model_name='madetoordersettings',
            name='approval_stage',
            field=models.CharField(blank=True, default='', max_length=64),
        ),
        migrations.AlterField(
            model_name='productionjobevent',
            name='type',
            field=models.CharField(choices=[('CREATED', 'Job created'), ('STAGE_CHANGED', 'Stage changed'), ('HELD', 'Put on hold'), ('RESUMED', 'Resumed'), ('UPDATED', 'Updated'), ('DUE_DATE_CHANGED', 'Promised date changed'), ('OVERDUE', 'Marked overdue'), ('CANCELLED', 'Cancelled'), ('PROOF_SENT', 'Design proof sent to the buyer'), ('PROOF_APPROVED', 'Design proof approved by the buyer'), ('CHANGES_REQUESTED', 'Buyer asked for changes')], max_length=30),
        ),
        migrations.CreateModel(
            name='DesignProof',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('stage', models.CharField(max_length=64)),
                ('version', models.PositiveIntegerField()),
                ('storage_name', models.CharField(max_length=255)),
                ('original_name', models.CharField(max_length=255)),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveIntegerField()),
                ('staff_note', models.CharField(blank=True, default='', max_length=1000)),
                ('status', models.CharField(choices=[('PENDING', 'Waiting for the buyer'), ('APPROVED', 'Approved'), ('CHANGES_REQUESTED', 'Changes requested'), ('SUPERSEDED', 'Replaced by a newer proof')], default='PENDING', max_length=20)),
                ('buyer_comment', models.CharField(blank=True, default='', max_length=2000)),
                ('approved_specs', openorder_plugin.fields.JSONField(blank=True, null=True)),
                ('answered_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('job', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='design_proofs', to='openorder.ProductionJob')),
                ('sent_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ('job', 'stage', 'version'),
            },
        ),
        migrations.AddConstraint(
            model_name='designproof',
            constraint=models.UniqueConstraint(fields=('job', 'stage', 'version'), name='openorder_design_proof_version'),
        ),
        migrations.AddConstraint(
            model_name='designproof',
            constraint=models.UniqueConstraint(condition=models.Q(status='PENDING'), fields=('job', 'stage'), name='openorder_design_proof_one_pending'),
        ),
        migrations.AddConstraint(
            model_name='designproof',
            constraint=models.CheckConstraint(check=models.Q(models.Q(_negated=True, status='CHANGES_REQUESTED'), models.Q(_negated=True, buyer_comment=''), _connector='OR'), name='openorder_design_proof_changes_say_what'),
        ),
    ]
